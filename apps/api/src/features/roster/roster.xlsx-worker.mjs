// The worker thread's entry: the TypeScript loader, then the worker itself (roster.xlsx-worker.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./roster.xlsx-worker.ts', import.meta.url);
