package app

// Status messages do not fade in tests (see statusLife): a test that wants them to uses
// ui.later to run the fade itself.
func init() { statusLife = 0 }
