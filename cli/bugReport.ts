// Where an internal error asks to be reported. There is no public tracker URL to print, so it
// names the way to find the repository opmodel was installed from.
import { VERSION } from './version';

export const bugReportHint = (): string =>
  `This is a bug in opmodel ${VERSION}, not a problem in your files. Please report it, with the command you ran and this message, ` +
  'to the issue tracker of the repository you installed opmodel from (`npm ls opmodel` names it).';
