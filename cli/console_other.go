//go:build !windows

package cli

// AttachConsole does nothing outside Windows: there a program started from a terminal
// always prints to it.
func AttachConsole() {}
