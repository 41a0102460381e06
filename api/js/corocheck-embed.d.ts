// Types of corocheck-embed.js (the API types are in corocheck.d.ts).
import type { CheckOptions, CheckResult } from './corocheck.js';
export type * from './corocheck.js';
export { check, checkFiles } from './corocheck.js';

/** Options of annotate(); a block's data-lang, data-target, data-profile and data-docs win. */
export interface AnnotateOptions {
  lang?: CheckOptions['lang'];
  target?: string;
  profile?: CheckOptions['profile'];
  /** The page the code links go to, as `<docs>#/rules/<CODE>` (http or https only). */
  docs?: string;
}

/** Load the wasm once; check() and checkFiles() work after it resolves. */
export function ready(): Promise<unknown>;
/** Check and annotate one block; null when the block's options are refused (shown below it). */
export function annotateBlock(pre: HTMLPreElement, options?: AnnotateOptions): CheckResult | null;
/** Annotate every `pre[data-corocheck]` under root that is not annotated yet. */
export function annotate(root?: ParentNode, options?: AnnotateOptions): Promise<(CheckResult | null)[]>;
