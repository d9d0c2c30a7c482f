// Package atomicfile writes files so that a crash or a full disk never
// leaves a half-written file: the data goes to a temporary file in the same
// folder, is flushed to disk, and only then replaces the destination.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path with data atomically. A new file gets
// the permissions perm; an existing one keeps its own. On any error the
// destination is untouched, the temporary file is removed, and the message
// names the path and the cause.
//
// When path is a symbolic link, the file it points to is replaced (or
// created, for a link to a file that does not exist yet) and the link is
// kept.
func WriteFile(path string, data []byte, perm fs.FileMode) (err error) {
	path, err = linkTarget(path)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		if statErr == nil || errors.Is(statErr, fs.ErrNotExist) {
			return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		return fmt.Errorf("cannot write %s: %w", path, statErr)
	}
	if info, statErr := os.Stat(path); statErr == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("cannot write %s: it is not a regular file", path)
		}
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if d, dirErr := os.Open(dir); dirErr == nil {
		d.Sync() // best effort: make the rename itself durable
		d.Close()
	}
	return nil
}

// linkTarget follows path while it is a symbolic link, even to a file that
// does not exist yet, and returns the path at the end of the links.
func linkTarget(path string) (string, error) {
	for range 40 {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return path, err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return path, errors.New("too many levels of symbolic links")
}
