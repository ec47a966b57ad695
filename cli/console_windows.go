//go:build windows

package cli

import (
	"os"
	"syscall"
)

// AttachConsole gives the command line somewhere to print on Windows. The packaged Parley.exe
// is a GUI program, which Windows starts without a console, so `parley list` typed in a
// Command Prompt would print nothing; attaching to the console of the prompt it was typed in
// fixes that. Output already redirected to a file or pipe is left where it goes.
func AttachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer, or already has a console
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if _, err := os.Stdout.Stat(); err != nil {
		os.Stdout = out
	}
	if _, err := os.Stderr.Stat(); err != nil {
		os.Stderr = out
	}
}
