//go:build linux

// Package mounttest gives tests real read-only and full disks: a read-only bind mount of a
// folder and a small tmpfs. Permissions cannot stand in for them where tests run as root (CI
// does), since root writes whatever the permission bits say. Mounting needs root; elsewhere
// the test is skipped with the reason.
package mounttest

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// ReadOnly mounts dir read-only at a new folder and returns that folder: the same files, on
// a file system that refuses every write with EROFS. The mount goes when the test ends.
func ReadOnly(t testing.TB, dir string) string {
	t.Helper()
	at := mount(t, "ro", dir, "", syscall.MS_BIND, "", "bind-mount "+dir, "a real read-only mount")
	// A bind mount takes the read-only flag only when remounted.
	if err := syscall.Mount("", at, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatalf("remount %s read-only: %v", at, err)
	}
	return at
}

// Disk mounts a tmpfs of size bytes (rounded up to whole pages by the kernel) at a new folder
// and returns it: writes past size fail with ENOSPC, as on a full disk.
func Disk(t testing.TB, size int) string {
	t.Helper()
	return mount(t, "disk", "tmpfs", "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV,
		"size="+strconv.Itoa(size)+",mode=0700", "mount a tmpfs", "a real full disk")
}

// mount mounts source (a file system of type fstype, "" for a bind mount) at a new folder
// called name and unmounts it when the test ends. Where the kernel refuses, the test is
// skipped, saying what it cannot do ("mount a tmpfs") and what it needs ("a real full disk").
func mount(t testing.TB, name, source, fstype string, flags uintptr, data, what, needs string) string {
	t.Helper()
	mayMount(t)
	at := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(at, 0o700); err != nil {
		t.Fatalf("make the mount point: %v", err)
	}
	if err := syscall.Mount(source, at, fstype, flags, data); err != nil {
		t.Skipf("cannot %s (%v): this test needs %s", what, err, needs)
	}
	t.Cleanup(func() { unmount(t, at) })
	return at
}

// Fill writes into dir until its disk is full, leaving room for nothing (in a file named
// "filler", which it adds to when it is there).
func Fill(t testing.TB, dir string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, "filler"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatalf("fill %s: %v", dir, err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	// Whatever a partial block left is taken too.
	for _, err := f.Write(block[:1]); err == nil; _, err = f.Write(block[:1]) {
	}
}

func mayMount(t testing.TB) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a file system needs root (CI runs as root); the permission tests cover other users")
	}
}

func unmount(t testing.TB, at string) {
	if err := syscall.Unmount(at, syscall.MNT_DETACH); err != nil {
		t.Errorf("unmount %s: %v", at, err)
	}
}
