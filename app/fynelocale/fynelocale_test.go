package fynelocale

import "testing"

func TestIsCWithCharset(t *testing.T) {
	cases := map[string]bool{
		"C.UTF-8": true, "C.utf8": true, "POSIX.UTF-8": true, "C@euro": true,
		"C": false, "POSIX": false, "en_GB.UTF-8": false, "ca_ES.UTF-8": false, "": false, "Cy": false,
	}
	for v, want := range cases {
		if got := isCWithCharset(v); got != want {
			t.Errorf("isCWithCharset(%q) = %v, want %v", v, got, want)
		}
	}
}
