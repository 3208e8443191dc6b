// What the console and the public page share to build their HTML.

/** The first element matching `sel` under `root`. */
export const $ = <T extends HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector(sel) as T;
/** Text made safe to put in HTML. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
