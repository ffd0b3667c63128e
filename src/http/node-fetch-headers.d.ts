// node-fetch's Headers module on its own (the package has no "exports" map, so the path is public
// to Node's resolver); its types are the package's.
declare module 'node-fetch/src/headers.js' {
  export { Headers as default } from 'node-fetch';
}
