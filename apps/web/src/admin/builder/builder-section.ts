import type { ProcedureView } from '@tps/contracts';

/** Props that ProcedureBuilderPage passes to each part of the builder. */
export interface BuilderSectionProps {
  procedure: ProcedureView;
  /** Replaces the procedure with the one a request returned. */
  onProcedureChange: (procedure: ProcedureView) => void;
  /** Reads the procedure again, after a request that returned only part of it. */
  refresh: () => Promise<void>;
}
