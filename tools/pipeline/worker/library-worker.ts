import { Worker } from "node:worker_threads";

/** What library-worker.mjs can do; input and output cross the thread boundary by structured clone. */
export interface WorkerJobs {
  preload: { input: Record<string, never>; output: undefined };
  types: { input: { document: Record<string, unknown>; options: Record<string, unknown> }; output: string };
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * One worker per process, started on first use. It is referenced only while a job is pending,
 * so an idle worker never keeps `npm run generate` from exiting.
 */
class LibraryWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  run<K extends keyof WorkerJobs>(job: K, input: WorkerJobs[K]["input"]): Promise<WorkerJobs[K]["output"]> {
    const worker = this.start();
    const id = this.nextId++;
    const result = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    worker.ref();
    worker.postMessage({ id, job, input });
    return result as Promise<WorkerJobs[K]["output"]>;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // execArgv: [] starts the thread without the parent's `--import tsx` (see the .mjs header).
    const worker = new Worker(new URL("./library-worker.mjs", import.meta.url), { execArgv: [], stdout: false, stderr: false });
    worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.error ?? "worker job failed"));
    });
    const failAll = (error: Error) => {
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`library worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

export const libraryWorker = new LibraryWorker();
