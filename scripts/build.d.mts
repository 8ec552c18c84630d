/** The build's options, for scripts that bundle a file of their own the same way (scripts/bench/scale.ts). */
import type { Plugin } from 'esbuild';
export declare const EXTERNAL: string[];
export declare const BANNER: { js: string };
export declare const whereItsSourceIs: (outDir: string) => Plugin;
