// The demos this package bundles import assets with Vite's `?url` suffix.
/// <reference types="vite/client" />
