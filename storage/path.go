package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is where the user's dossier lives unless they choose another file:
//
//   - Linux and other Unix: $XDG_DATA_HOME/Parley/parley.db, or ~/.local/share/Parley/parley.db
//   - Windows: %AppData%\Parley\parley.db
//   - macOS: ~/Library/Application Support/Parley/parley.db
//
// It does not create anything; Open makes the folder (0700) and the file (0600).
func DefaultPath() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios":
		dir, err := os.UserConfigDir() // %AppData%; ~/Library/Application Support
		if err != nil {
			return "", fmt.Errorf("default database path: %w", err)
		}
		return filepath.Join(dir, "Parley", "parley.db"), nil
	}
	if dir := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "Parley", "parley.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "Parley", "parley.db"), nil
}
