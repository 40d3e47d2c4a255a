// Talks to the Harpou HTTP API with the console's credential, asking for a key when the hub refuses it.
import { credential, refused } from './key.js';

// Calls the API; `options.body` is sent as JSON. Throws an Error with the API's message and `status`, except for the
// statuses listed in `options.accept`, whose body is returned.
export async function api(path, options = {}) {
  for (;;) {
    const headers = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const sent = credential();
    if (sent) headers.authorization = `Bearer ${sent}`;
    const response = await fetch(path, {
      method: options.method || (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401) {
      await refused(sent);
      continue;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok && !(options.accept || []).includes(response.status)) {
      const error = new Error(body.error ? body.error.message : `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }
}
