package cli

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHandlingShowAndChange(t *testing.T) {
	db := sampleDB(t)
	stdout := runOK(t, "handling", "--db", db)
	assert.Equal(t, "Marking: OFFICIAL — SAMPLE\nLevels, lowest first: OFFICIAL (O), OFFICIAL-SENSITIVE (OS), SECRET (S)\n"+
		"Caveats: UK EYES ONLY; NOT FOR USE WITH THE OTHER SIDE\n", stdout)

	stdout = runOK(t, "handling", "--db", db, "--levels", "RESTRICTED (R); CONFIDENTIAL (C)", "--marking", "RESTRICTED", "--caveats", "")
	assert.Contains(t, stdout, "Marking: RESTRICTED\nLevels, lowest first: RESTRICTED (R), CONFIDENTIAL (C)\n")

	tests := []struct {
		name string
		args []string
		says string
	}{
		{"a level without abbreviation", []string{"--levels", "OFFICIAL"}, "the levels: line 1"},
		{"a marking too long", []string{"--marking", strings.Repeat("UK EYES ONLY ", 50)}, "about 480 fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"handling", "--db", db}, tt.args...)...)
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr, tt.says)
		})
	}
	stdout = runOK(t, "handling", "--db", db)
	assert.Contains(t, stdout, "RESTRICTED (R), CONFIDENTIAL (C)", "a refused change changes nothing")
}
