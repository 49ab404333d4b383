/**
 * Where each synthetic node of a CDK machine came from, so the renderer can turn an operation on
 * the node back into an edit of the construct code that produced it.
 */
import type { ts } from 'ts-morph';
import type { AstNode, PropertyNode } from '../../../model/ast';
import type { CdkState, Chain, Link } from './chain-graph';
import type { PropSite } from './values';

export type Origin =
  /** A state's object (or its `name: {...}` property): the construct. */
  | { readonly kind: 'state'; readonly state: CdkState }
  /** A field written as a prop of the construct (`outputPath: '$[0]'`, `attempts: 3`). */
  | { readonly kind: 'prop'; readonly state: CdkState; readonly site: PropSite }
  /** A Batch task's `Resource`: decided by its `integrationPattern` prop (absent: the default). */
  | { readonly kind: 'pattern'; readonly state: CdkState; readonly site: PropSite | undefined }
  /** A `Next` written as `.next(x)` (or `.when(c, x)`, `.otherwise(x)`). */
  | { readonly kind: 'link'; readonly state: CdkState; readonly link: Link }
  /** A scope's `StartAt`: the start of the chain. */
  | { readonly kind: 'start'; readonly chain: Chain }
  /** One retrier or catcher: an `addRetry(props)` / `addCatch(handler, props)` call. */
  | { readonly kind: 'handler'; readonly state: CdkState; readonly call: ts.CallExpression; readonly props: ts.Expression | undefined }
  /** A state's `Retry` list: its `addRetry` calls (and CDK's defaults). */
  | { readonly kind: 'retries'; readonly state: CdkState }
  /** A state's `Catch` list: its `addCatch` calls. */
  | { readonly kind: 'catchers'; readonly state: CdkState };

export type Origins = Map<AstNode | PropertyNode, Origin>;
