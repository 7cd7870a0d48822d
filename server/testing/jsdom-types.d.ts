// jsdom ships no types (the client's tests use it as vitest's environment); the server's
// tests read the server's pages with this much of it.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    readonly window: Window & typeof globalThis;
  }
}
