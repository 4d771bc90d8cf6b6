// Test-only typing: the tests read JSON bodies of known shape, so `json()` returns `any` here.
declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
  }
}

export {};
