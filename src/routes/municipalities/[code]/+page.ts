// Profiles are rendered in the browser from the data; the static server's fallback serves them.
export const prerender = false;
