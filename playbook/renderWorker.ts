// The worker side of pageRenderer.ts: the CLI bundle started again in a worker thread renders
// the page bodies it is sent, one at a time.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { RENDER_WORKER_FLAG, renderJob, type RenderJob } from './pageRenderer';

export const isRenderWorker = (): boolean => !isMainThread && Boolean((workerData as Record<string, unknown> | null)?.[RENDER_WORKER_FLAG]);

export function runRenderWorker(): void {
  parentPort!.on('message', (job: RenderJob) => parentPort!.postMessage(renderJob(job)));
}
