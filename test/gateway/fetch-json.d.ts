// Test-only typing: the tests read JSON bodies of known shape, so `json()` returns `any` here.
declare global {
  interface Response {
    json(): Promise<any>;
  }
}

export {};
