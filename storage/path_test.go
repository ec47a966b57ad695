package storage

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPath(t *testing.T) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios":
		p, err := DefaultPath()
		require.NoError(t, err)
		assert.Equal(t, filepath.Join("Parley", "parley.db"), filepath.Join(filepath.Base(filepath.Dir(p)), filepath.Base(p)))
		return
	}
	tests := []struct {
		name, xdg, home, want string
	}{
		{"XDG_DATA_HOME", "/data", "/home/ann", "/data/Parley/parley.db"},
		{"home", "", "/home/ann", "/home/ann/.local/share/Parley/parley.db"},
		{"relative XDG_DATA_HOME is ignored", "data", "/home/ann", "/home/ann/.local/share/Parley/parley.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			p, err := DefaultPath()
			require.NoError(t, err)
			assert.Equal(t, tt.want, p)
		})
	}
}
