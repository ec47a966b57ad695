package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// hookKeys puts first in front of the window's key handling and after behind it: Fyne gives a
// key to the focused widget alone, with no way for the window to see it first (see keys.go),
// so the hook sits where GLFW reports the key to Fyne. It reaches the GLFW window through
// RunWithContext, which Fyne's desktop windows have, and leaves the window as it is where there
// is none (another driver, a headless test). Call it on the main goroutine after the window
// was shown.
func hookKeys(w fyne.Window, first func(fyne.KeyName, fyne.KeyModifier) bool, after func(fyne.KeyName, fyne.KeyModifier)) bool {
	defer func() { _ = recover() }() // no GLFW window: the window keeps Fyne's handling alone
	rc, ok := w.(interface{ RunWithContext(func()) })
	if !ok {
		return false
	}
	var gw *glfw.Window
	rc.RunWithContext(func() { gw = glfw.GetCurrentContext() })
	if gw == nil {
		return false
	}
	var fyneKeys glfw.KeyCallback
	fyneKeys = gw.SetKeyCallback(func(win *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		name, m := glfwKey(key), glfwMods(mods)
		pressed := action != glfw.Release && name != ""
		if pressed && first(name, m) {
			return
		}
		if fyneKeys != nil {
			fyneKeys(win, key, scancode, action, mods)
		}
		if pressed {
			after(name, m)
		}
	})
	return fyneKeys != nil
}

// glfwKey names the keys the window handles itself; others are "".
func glfwKey(k glfw.Key) fyne.KeyName {
	switch k {
	case glfw.KeyEscape:
		return fyne.KeyEscape
	case glfw.KeyBackspace:
		return fyne.KeyBackspace
	case glfw.KeyTab:
		return fyne.KeyTab
	case glfw.KeyEnter:
		return fyne.KeyReturn
	case glfw.KeyKPEnter:
		return fyne.KeyEnter
	}
	return ""
}

func glfwMods(m glfw.ModifierKey) fyne.KeyModifier {
	var out fyne.KeyModifier
	for g, f := range map[glfw.ModifierKey]fyne.KeyModifier{
		glfw.ModShift: fyne.KeyModifierShift, glfw.ModControl: fyne.KeyModifierControl,
		glfw.ModAlt: fyne.KeyModifierAlt, glfw.ModSuper: fyne.KeyModifierSuper,
	} {
		if m&g != 0 {
			out |= f
		}
	}
	return out
}
