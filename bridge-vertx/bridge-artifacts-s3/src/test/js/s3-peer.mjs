// The AWS SDK for JavaScript against an S3 endpoint, as an independent reader and writer of what Harpou stores.
//   get ENDPOINT BUCKET KEY          prints {"sha256", "size", "content_type", "text"?} of the object
//   put ENDPOINT BUCKET KEY HEXSEED SIZE   writes SIZE pseudo-random bytes (or the UTF-8 of HEXSEED when SIZE is 0)
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';

const [command, endpoint, bucket, key, seed, size] = process.argv.slice(2);
const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

if (command === 'get') {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = Buffer.from(await object.Body.transformToByteArray());
  const out = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length,
    content_type: object.ContentType };
  if (object.ContentType === 'application/json') out.text = bytes.toString('utf8');
  console.log(JSON.stringify(out));
} else if (command === 'put') {
  const n = Number(size);
  const body = n === 0 ? Buffer.from(seed, 'utf8') : Buffer.alloc(n, seed);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/png' }));
  console.log(JSON.stringify({ stored: body.length }));
}
