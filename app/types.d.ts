/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import '@remix-run/node'

declare module '@remix-run/node' {
  // Typed loader data with single fetch (Remix v2 + v3_singleFetch).
  interface Future {
    v3_singleFetch: true
  }
}
