// Shows the images a tool made or fetched (camera snapshots, generated images). An <img> cannot send the console's
// credential, so each image is loaded through a short-lived link the hub signs for that one artifact.
import { api } from './api.js';
import { el } from './dom.js';

// The artifacts a tool result or a task result cites: {"artifact": {...}} or {"artifacts": [...]}.
export function citedArtifacts(json) {
  if (!json || typeof json !== 'object') return [];
  const list = json.artifacts || (json.artifact ? [json.artifact] : []);
  return list.filter((a) => a && /^[0-9a-f]{64}$/.test(a.id) && String(a.content_type).startsWith('image/'));
}

export async function showArtifacts(container, json) {
  for (const artifact of citedArtifacts(json)) {
    if (container.querySelector(`img[data-artifact="${artifact.id}"]`)) continue;
    try {
      const link = await api(`/api/artifacts/${artifact.id}/link`, { body: {} });
      const image = el('img', 'artifact');
      image.dataset.artifact = artifact.id;
      image.alt = artifact.source || 'image';
      image.src = link.url;
      container.append(image);
    } catch (error) {
      container.append(el('p', 'artifact-error', `Image unavailable: ${error.message}`));
    }
  }
}
