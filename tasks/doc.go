// Package tasks holds the use cases both of Parley's faces offer — import a file, export the
// dossier, write a briefing pack, back up — each one function that does the whole job with
// one safety (a file Parley writes goes to a temporary name beside it and is renamed into
// place only when complete) and returns a report whose String says what happened. The window
// (app) and the command line (cli) only ask for the inputs and present the report or the
// error; neither re-implements a step.
//
// Errors keep storage's sentinels (storage.ErrDiskFull, ErrReadOnly, ErrLocked, ErrNotFound…)
// in their chain. A file that cannot be read or written is a *FileError, and one that is not a
// bundle or calendar Parley can read an *UnreadableError: both tell the user what went wrong in
// one sentence (their Sentence method), which both faces print as it is.
package tasks
