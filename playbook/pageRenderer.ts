// Renders page bodies within the page budget (pageBudget.ts). In the CLI every page renders in a
// worker thread, so that the time limit can be enforced: the Markdown parser is synchronous and
// some inputs cost it time that grows with the square of their size. A worker that runs over the
// limit, overflows its stack or runs out of memory is ended, the page is shown as source, and the
// next page gets a new worker. Where no worker can be started (the TypeScript sources under test),
// pages render in this thread with every limit but time.
import type { Root as HastRoot } from 'hast';
import { Worker } from 'node:worker_threads';
import { renderBody, rewriteLinks, type IdTarget, type RenderInput } from './markdown';
import { checkSource, checkTree, PAGE_LIMITS, sourceTree, type Refusal } from './pageBudget';

export interface RenderedPage {
  tree: HastRoot;
  /** Set when the page is shown as its source; the caller reports it. */
  refused?: { message: string; line?: number };
}

/** What the worker gets: the input without callbacks, ID targets resolved beforehand. */
export interface RenderJob {
  text: string;
  bodyStart: number;
  refs: RenderInput['refs'];
  selfId?: string;
  targets: [string, IdTarget | undefined][];
  /** Tooltips of the IDs without a target, when the caller words them (clientSite.ts). */
  unlinked?: [string, string][];
}

export type RenderReply = { tree: HastRoot } | { refusal: Refusal };

export const RENDER_WORKER_FLAG = 'opmodel-render-worker';

let workerEntry: string | null = null;

/**
 * Called by the CLI's entry (cli/bin.ts) with its own file: a script that, started as a worker
 * with RENDER_WORKER_FLAG set, serves render jobs. Without it pages render in this thread.
 */
export function setRenderWorkerEntry(file: string | null): void {
  workerEntry = file;
}

export class PageRenderer {
  private worker: Worker | undefined;
  private workerFailed = false;

  /** `workerScript`: the file to run as a worker, or null to render in this thread. */
  constructor(private readonly workerScript: string | null = workerEntry) {}

  /** Never throws: whatever goes wrong with one page costs only that page. */
  async render(input: RenderInput): Promise<RenderedPage> {
    const refusal = checkSource(input.text, input.bodyStart);
    let reply: RenderReply = refusal ? { refusal } : await this.renderBody(input).catch((e: unknown) => ({ refusal: failure(e) }));
    if ('tree' in reply) {
      try {
        rewriteLinks(reply.tree, input);
      } catch (e) {
        reply = { refusal: failure(e) };
      }
    }
    if ('tree' in reply) return { tree: reply.tree };
    const r = reply.refusal;
    return { tree: sourceTree(input.text, input.bodyStart), refused: { message: `the page is shown as its Markdown source: ${r.reason}`, line: r.line } };
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private async renderBody(input: RenderInput): Promise<RenderReply> {
    const targets = [...new Set(input.refs.map((r) => r.id))].map((id): [string, IdTarget | undefined] => [id, input.idTarget(id)]);
    const job: RenderJob = {
      text: input.text,
      bodyStart: input.bodyStart,
      refs: input.refs,
      selfId: input.selfId,
      targets,
      unlinked: input.unlinkedTitle ? targets.filter(([, t]) => !t).map(([id]) => [id, input.unlinkedTitle!(id)]) : undefined,
    };
    if (this.workerScript && !this.workerFailed) {
      const reply = await this.inWorker(job);
      if (reply) return reply;
    }
    return renderJob(job);
  }

  /** Undefined when the worker could not be started at all (then this thread renders). */
  private inWorker(job: RenderJob): Promise<RenderReply | undefined> {
    let worker: Worker;
    try {
      worker = this.worker ??= new Worker(this.workerScript!, {
        workerData: { [RENDER_WORKER_FLAG]: true },
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      // Never what keeps the process alive: a failed build must still exit.
      worker.unref();
    } catch {
      this.workerFailed = true;
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => {
      const end = (reply: RenderReply | undefined, kill: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          void worker.terminate();
          if (this.worker === worker) this.worker = undefined;
        }
        resolve(reply);
      };
      const onMessage = (reply: RenderReply) => end(reply, false);
      const onError = (e: Error) => end({ refusal: failure(e) }, true);
      const onExit = () => end({ refusal: { reason: 'rendering it stopped unexpectedly' } }, true);
      const timer = setTimeout(() => end({ refusal: { reason: `it took longer than ${PAGE_LIMITS.milliseconds / 1000} s to render` } }, true), PAGE_LIMITS.milliseconds);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }
}

/** Renders one job; used by the worker and, without a worker, by this thread. */
export function renderJob(job: RenderJob): RenderReply {
  const targets = new Map(job.targets);
  const unlinked = job.unlinked && new Map(job.unlinked);
  try {
    const tree = renderBody({ text: job.text, bodyStart: job.bodyStart, refs: job.refs, selfId: job.selfId, idTarget: (id) => targets.get(id), unlinkedTitle: unlinked && ((id) => unlinked.get(id) ?? `${id} is not defined`) });
    const refusal = checkTree(tree);
    return refusal ? { refusal } : { tree };
  } catch (e) {
    return { refusal: failure(e) };
  }
}

function failure(e: unknown): Refusal {
  const err = e as { code?: string; message?: string };
  if (e instanceof RangeError && /call stack/i.test(String(err.message))) return { reason: 'it nests too deeply to render' };
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return { reason: 'rendering it needed more than 512 MB of memory' };
  return { reason: `it could not be rendered (${String(err.message ?? e)})` };
}

