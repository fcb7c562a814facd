// The REST API of the server that sent this page: every number the dashboard shows comes
// through here. Paths are relative, so the dashboard works behind a path prefix too.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The URL of an API path with the query `params` (empty values left out). */
export function apiUrl(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    url.searchParams.set(key, String(value));
  }
  return url;
}

/** GET a JSON body; ApiError with the server's message on an error status. */
export async function getJson(path, params = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  } catch (error) {
    throw new ApiError(0, "network", `the server did not answer (${error.message})`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, body);
  return body;
}

function errorOf(status, body) {
  const error = body && body.error;
  const code = (error && error.code) || `http_${status}`;
  return new ApiError(status, code, `${status} ${code}: ${(error && error.message) || "error"}`);
}

let actorsLoaded = null;

/** Codes and names of the actors in the store, and the bloc codes (fetched once). */
export function actorCodes() {
  actorsLoaded ??= getJson("actors").catch((error) => {
    actorsLoaded = null;
    throw error;
  });
  return actorsLoaded;
}

const KINDS = {
  txt: ["text", "text/plain"],
  text: ["text", "text/plain"],
  html: ["html", "text/html"],
  htm: ["html", "text/html"],
  jsonl: ["jsonl", "application/x-ndjson"],
  ndjson: ["jsonl", "application/x-ndjson"],
  json: ["json", "application/json"],
};

/** [kind, media type] of an upload by its file name, or null for a kind we cannot send. */
export function uploadKind(name) {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? null : KINDS[name.slice(dot + 1).toLowerCase()] || null;
}

/**
 * POST one file to /documents with the bearer token. XHR rather than fetch: it reports how
 * much of the body has been sent. onProgress(fraction) runs while it uploads, and with 1
 * once it is sent and the server is coding it.
 */
export function uploadFile(file, { token, date, onProgress }) {
  const kind = uploadKind(file.name);
  if (!kind) {
    return Promise.reject(
      new ApiError(0, "unsupported_file", "not a .txt, .html, .jsonl or .json file"));
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl("documents", { kind: kind[0], date }));
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", kind[1]);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.upload.addEventListener("load", () => onProgress(1));
    xhr.addEventListener("load", () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else reject(errorOf(xhr.status, body));
    });
    xhr.addEventListener("error", () =>
      reject(new ApiError(0, "network", "the upload did not reach the server")));
    xhr.send(file);
  });
}
