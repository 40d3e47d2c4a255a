// @stable-canvas/comfyui-client against a ComfyUI server: submits a text-to-image workflow, follows its progress over
// the WebSocket, downloads the images it made, and tries a workflow ComfyUI must refuse. Prints one JSON line.
import { Client } from '@stable-canvas/comfyui-client';
import WebSocket from 'ws';
import { createHash } from 'node:crypto';

const [url] = process.argv.slice(2);
const client = new Client({ api_host: new URL(url).host, WebSocket, fetch: globalThis.fetch.bind(globalThis) });

const workflow = {
  4: { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
  5: { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 384, batch_size: 1 } },
  6: { class_type: 'CLIPTextEncode', inputs: { text: 'a red fox in the snow', clip: ['4', 1] } },
  7: { class_type: 'CLIPTextEncode', inputs: { text: 'blurry', clip: ['4', 1] } },
  3: { class_type: 'KSampler', inputs: { seed: 42, steps: 6, cfg: 7, sampler_name: 'euler', scheduler: 'normal',
    denoise: 1, model: ['4', 0], positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] } },
  8: { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
  9: { class_type: 'SaveImage', inputs: { filename_prefix: 'harpou', images: ['8', 0] } },
};

const stats = await client.getSystemStats();
await client.connect();
const progress = [];
const executing = [];
client.on('executing', (data) => executing.push(data.node));
const result = await client.enqueue(workflow, { progress: ({ value, max }) => progress.push(`${value}/${max}`) });
const images = [];
for (const image of result.images) {
  const response = await fetch(image.data);
  const bytes = Buffer.from(await response.arrayBuffer());
  images.push({ url: image.data, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length,
    content_type: response.headers.get('content-type'), png: bytes.subarray(1, 4).toString('latin1'),
    width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
}
let refused = null;
try {
  await client.queuePrompt(0, { prompt: { 1: { class_type: 'NoSuchNode', inputs: {} } } });
} catch (error) {
  refused = error.message;
}
const history = await client.getHistory();
client.close();
console.log(JSON.stringify({ os: stats.system.os, prompt_id: result.prompt_id, progress, executing, images, refused,
  history: Object.keys(history.History || history) }));
process.exit(0);
