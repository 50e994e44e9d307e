package output

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Cache is a folder of made files (PDFs) kept by the key of what they
// were made from (bti build --cache, or BTI_CACHE), for a build whose
// output folder is not kept between runs, as in CI: a file whose key is
// in the cache is taken from it instead of being made again. Each file is
// <dir>/<first two hex digits>/<key in hex>, its bytes after a header
// line with their size and checksum, so that a file damaged or cut short
// by anything is never taken. Files are written under a temporary name
// and renamed, so a killed build leaves only whole files (and maybe a
// temporary one, removed by the next Prune). The folder holds a mark
// (.bti-cache), and Prune removes only files of the cache's own names.
//
// A cache that cannot be written is not an error for the build: Put
// gives up, and Err says why.
type Cache struct {
	dir  string
	n    atomic.Int64
	mu   sync.Mutex
	used map[Key]bool
	err  error
}

// cacheMark is the file that makes a folder a cache of bti's.
const cacheMark = ".bti-cache"

// cacheMagic starts every file of the cache.
const cacheMagic = "bti-cache 1 "

// OpenCache opens the cache folder dir, making it when it does not
// exist. A folder that holds files but no mark is refused (it is someone
// else's).
func OpenCache(dir string) (*Cache, error) {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("%s is not a folder", dir)
		}
		if _, err := os.Stat(filepath.Join(dir, cacheMark)); err != nil {
			if names := someEntries(dir); len(names) > 0 {
				return nil, fmt.Errorf("%s holds files that are not bti's cache: %s", dir, strings.Join(names, ", "))
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	mark := filepath.Join(dir, cacheMark)
	if _, err := os.Stat(mark); err != nil {
		if err := os.WriteFile(mark, []byte("bti's cache of made PDFs; safe to delete\n"), 0o644); err != nil {
			return nil, err
		}
	}
	return &Cache{dir: dir, used: map[Key]bool{}}, nil
}

// name is where key's file is.
func (c *Cache) name(key Key) string {
	h := hex.EncodeToString(key[:])
	return filepath.Join(c.dir, h[:2], h)
}

// Get returns the bytes kept under key, when they are there whole.
func (c *Cache) Get(key Key) ([]byte, bool) {
	raw, err := os.ReadFile(c.name(key))
	if err != nil {
		return nil, false
	}
	data, ok := unwrapCached(raw)
	if !ok {
		return nil, false
	}
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
	return data, true
}

// unwrapCached returns the bytes of a cache file after its header, when
// their size and checksum are the header's.
func unwrapCached(raw []byte) ([]byte, bool) {
	head, data, ok := bytes.Cut(raw, []byte("\n"))
	if !ok || !bytes.HasPrefix(head, []byte(cacheMagic)) {
		return nil, false
	}
	f := strings.Fields(string(head[len(cacheMagic):]))
	if len(f) != 2 {
		return nil, false
	}
	size, err1 := strconv.Atoi(f[0])
	sum, err2 := strconv.ParseUint(f[1], 16, 64)
	if err1 != nil || err2 != nil || size != len(data) || sum != checksum(data) {
		return nil, false
	}
	return data, true
}

// Put keeps data under key (once a write has failed, no more are tried).
func (c *Cache) Put(key Key, data []byte) {
	c.mu.Lock()
	c.used[key] = true
	failed := c.err != nil
	c.mu.Unlock()
	if failed {
		return
	}
	name := c.name(key)
	err := os.MkdirAll(filepath.Dir(name), 0o755)
	if err == nil {
		tmp := filepath.Join(filepath.Dir(name), tmpPrefix+strconv.FormatInt(int64(os.Getpid()), 10)+"-"+strconv.FormatInt(c.n.Add(1), 10))
		var f *os.File
		if f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644); err == nil {
			_, err = fmt.Fprintf(f, "%s%d %x\n", cacheMagic, len(data), checksum(data))
			if err == nil {
				_, err = writeData(f, data)
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				err = os.Rename(tmp, name)
			}
			if err != nil {
				os.Remove(tmp)
			}
		}
	}
	if err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
	}
}

// Keep marks key as used by this build without reading its file (a PDF
// kept in the output folder), so that Prune leaves it.
func (c *Cache) Keep(key Key) {
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
}

// Err is the first failure to write into the cache, or nil.
func (c *Cache) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Prune removes the cache's files that this build did not use (nor put
// or keep), and temporary files a killed build left: after a build of the
// whole project, what is left is what the next one can use. It removes
// nothing but files of the cache's own names, and returns how many it
// removed.
func (c *Cache) Prune() (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	subs, err := os.ReadDir(c.dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	var first error
	for _, sub := range subs {
		if !sub.IsDir() || len(sub.Name()) != 2 || !isHex(sub.Name()) {
			continue
		}
		d := filepath.Join(c.dir, sub.Name())
		entries, err := os.ReadDir(d)
		if err != nil {
			first = errors.Join(first, err)
			continue
		}
		left := 0
		for _, e := range entries {
			n := e.Name()
			var key Key
			switch {
			case !e.Type().IsRegular():
				left++
				continue
			case strings.HasPrefix(n, tmpPrefix):
			case len(n) == 2*len(key) && strings.HasPrefix(n, sub.Name()) && isHex(n):
				hex.Decode(key[:], []byte(n))
				if c.used[key] {
					left++
					continue
				}
			default:
				left++
				continue
			}
			if err := os.Remove(filepath.Join(d, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				first = errors.Join(first, err)
				left++
				continue
			}
			removed++
		}
		if left == 0 {
			os.Remove(d)
		}
	}
	return removed, first
}

func isHex(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}
