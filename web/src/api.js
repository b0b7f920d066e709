// The HTTP API of `sitrep serve` (docs/issues/009-server.md). Every call returns parsed
// JSON or throws an `ApiError` carrying the server's message, which the page shows as is.

import { filterQuery } from "./state.js";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(path, init = {}) {
  let res;
  try {
    res = await fetch(path, { ...init, headers: { Accept: "application/json", ...(init.headers || {}) } });
  } catch (e) {
    throw new ApiError(0, `the server did not answer (${e.message})`);
  }
  const body = await res.text();
  let json = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    // A proxy's HTML error page, say: report the status.
  }
  if (!res.ok) {
    const msg = json && json.error && json.error.message ? json.error.message : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, msg);
  }
  return json;
}

/** One page of events; `cursor` continues a previous page. */
export function events(filters, { limit = 100, cursor } = {}) {
  return call(`/v1/events?${filterQuery(filters, { limit, cursor })}`);
}

/** Events per day and type: `[{day, type, count}]`. */
export async function timeline(filters) {
  const res = await call(`/v1/stats/timeline?${filterQuery(filters)}`);
  return (res.days || []).map((d) => ({ day: d.day, type: d.type, count: d.events }));
}

/** Directed actor pairs: `{edges: [{source, target, count, type}]}`, `type` the prevailing one. */
export async function network(filters) {
  const res = await call(`/v1/network?${filterQuery(filters)}`);
  return { edges: (res.edges || []).map((e) => ({ source: e.source, target: e.target, count: e.events, type: e.prevailing_type })) };
}

/** Events per country and MOBILIZE movements: `{countries: [{code, count}], movements: [{origin, destination, count}]}`. */
export async function places(filters) {
  const res = await call(`/v1/stats/places?${filterQuery(filters)}`);
  return {
    countries: (res.places || []).map(([code, count]) => ({ code, count })),
    movements: (res.movements || []).map(([origin, destination, count]) => ({ origin, destination, count })),
  };
}

export function document(id) {
  return call(`/v1/documents/${encodeURIComponent(id)}`);
}

/** Analyses a text without storing it. */
export function extract(text, language) {
  const doc = { text };
  if (language) doc.language = language;
  return call("/v1/extract", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(doc),
  });
}

/** Analyses an HTML page without storing it: the server takes the article's text, title and
 * metadata from the page, as `sitrep ingest` does with HTML files. */
export function extractHtml(html, language) {
  const q = language ? `?language=${encodeURIComponent(language)}` : "";
  return call(`/v1/extract${q}`, {
    method: "POST",
    headers: { "Content-Type": "text/html; charset=utf-8" },
    body: html,
  });
}
