import { createContext, useContext } from 'react'

/** The per-response CSP nonce (server only; empty in the browser, which hides nonces anyway). */
export const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
