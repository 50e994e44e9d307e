package pipeline

import (
	"fmt"
	"hash"
	"hash/fnv"
	"os"
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/render"
)

// TestModelIsReadOnlyAfterCheck renders the samples twice at once, the
// websites and the PDFs, and compares a fingerprint of everything the
// model holds (every field of every value it reaches, the Markdown trees
// included) before and after: rendering reads the model and writes none
// of it. Run under -race (.ci/run does), two renders that wrote the same
// value would be caught as a race too.
func TestModelIsReadOnlyAfterCheck(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	before := fingerprint(site)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = Render(fsys, site, render.Options{PDF: true})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if after := fingerprint(site); after != before {
		t.Errorf("rendering changed the model: fingerprint %x before, %x after", before, after)
	}
}

// TestFingerprintSeesChanges: the fingerprint changes when anything deep
// in the model does, so the test above can fail.
func TestFingerprintSeesChanges(t *testing.T) {
	site, _ := Load(content.Overlay(os.DirFS("../..")), nil)
	before := fingerprint(site)
	m := site.Municipalities[0]
	step := m.Guides[0].Levels[1].Steps[0]
	step.ToolList = step.ToolList[:len(step.ToolList)-1]
	if fingerprint(site) == before {
		t.Error("removing a step's tool did not change the fingerprint")
	}
	before = fingerprint(site)
	m.Services[0].UsedBy[0].Title += "."
	if fingerprint(site) == before {
		t.Error("a title reached through a service did not change the fingerprint")
	}
}

// fingerprint hashes every value reachable from v: fields exported or
// not, maps in the order of their keys, each pointer's target once.
func fingerprint(v any) uint64 {
	h := fnv.New64a()
	seen := map[uintptr]bool{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		fmt.Fprint(h, v.Kind(), ":")
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				fmt.Fprint(h, "nil")
				return
			}
			if seen[v.Pointer()] {
				fmt.Fprint(h, "seen")
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if v.IsNil() {
				fmt.Fprint(h, "nil")
				return
			}
			fmt.Fprint(h, v.Elem().Type().String())
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			fmt.Fprint(h, v.Len())
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			sorted := make([]string, len(keys))
			byKey := map[string]reflect.Value{}
			for i, k := range keys {
				kh := fnv.New64a()
				hashKey(kh, k)
				sorted[i] = fmt.Sprint(kh.Sum64())
				byKey[sorted[i]] = v.MapIndex(k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				fmt.Fprint(h, k, "=")
				walk(byKey[k])
			}
		case reflect.String:
			fmt.Fprintf(h, "%q", v.String())
		case reflect.Bool:
			fmt.Fprint(h, v.Bool())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			fmt.Fprint(h, v.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			fmt.Fprint(h, v.Uint())
		case reflect.Float32, reflect.Float64:
			fmt.Fprint(h, v.Float())
		case reflect.Func, reflect.Chan, reflect.UnsafePointer:
			fmt.Fprint(h, v.IsNil())
		}
	}
	walk(reflect.ValueOf(v))
	return h.Sum64()
}

// hashKey hashes a map key: its value, or for a pointer (an ast.Node)
// its address, which stays the same while the model lives (the map's
// values are what is compared).
func hashKey(h hash.Hash64, k reflect.Value) {
	if k.Kind() == reflect.Interface {
		k = k.Elem()
	}
	if k.Kind() == reflect.Pointer {
		fmt.Fprint(h, k.Type().String(), k.Pointer())
		return
	}
	fmt.Fprint(h, k.Interface())
}
