declare module 'node-gyp-build' {
  function nodeGypBuild(dir: string): unknown;
  namespace nodeGypBuild {
    /** Path of the binary node-gyp-build would load from `dir` (throws when there is none). */
    function path(dir: string): string;
  }
  export = nodeGypBuild;
}
