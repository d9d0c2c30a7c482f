package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "net.json")
	if err := os.WriteFile(path, []byte("old contents"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("read %q, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files behind", len(entries))
	}
}

func TestWriteFileErrorsLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "missing", "net.json"), []byte("x"), 0o644); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	// A destination that is a folder cannot be replaced; the temp file must go.
	target := filepath.Join(dir, "folder")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("x"), 0o644); err == nil {
		t.Error("replacing a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d entries, want only the folder", len(entries))
	}
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if err := WriteFile(filepath.Join(ro, "net.json"), []byte("x"), 0o644); err == nil {
			t.Error("writing into a read-only folder succeeded")
		}
	}
}

func TestWriteFileKeepsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("the link's target holds %q", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("the target's permissions became %v", fi.Mode().Perm())
	}
}

func TestWriteFileThroughDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("new.md", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v", err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "new.md")); err != nil || string(got) != "new" {
		t.Errorf("the link's target holds %q (%v)", got, err)
	}
	// A link into a folder that does not exist: an error naming the folder.
	lost := filepath.Join(dir, "lost.md")
	if err := os.Symlink(filepath.Join("sub", "x.md"), lost); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(lost, []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "sub") {
		t.Errorf("writing through a link into a missing folder: %v", err)
	}
	if fi, err := os.Lstat(lost); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("a failed write replaced the link")
	}
}
