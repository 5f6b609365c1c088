// A stand-in for lazydocker's key path, for the bench (test/bench/peer.js): a gocui screen like
// lazydocker's main view, built on the same library (jroimartin/gocui over termbox-go; lazydocker
// uses jesseduffield's fork of it). Left, a "Containers" panel listing every container (name,
// state, image) from GET /containers/json?all=1, refreshed on a 2 s ticker and on Engine events
// (lazydocker polls and follows /events too); right, the selected container's details from that
// list. j/k and the arrow keys move the highlighted row (the panel scrolls), q quits. On each key
// gocui redraws every view into termbox's back buffer and termbox writes the cells that changed:
// lazydocker's path too, less its per-selection work (logs stream, stats), so this is a lower bound
// of lazydocker's cost per key. The selected row is drawn in reverse video, as tsdtop's, so the
// bench can read which row is selected.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build -o DIR/gocui-list test/bench/peer/gocui-list
// Run: DOCKER_HOST=unix:///path/docker.sock gocui-list
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jroimartin/gocui"
)

type container struct {
	ID      string            `json:"Id"`
	Names   []string          `json:"Names"`
	Image   string            `json:"Image"`
	State   string            `json:"State"`
	Status  string            `json:"Status"`
	Created int64             `json:"Created"`
	Command string            `json:"Command"`
	Labels  map[string]string `json:"Labels"`
}

func (c container) name() string {
	if len(c.Names) == 0 {
		return c.ID[:12]
	}
	return strings.TrimPrefix(c.Names[0], "/")
}

// engineClient speaks HTTP to the Engine's unix socket (DOCKER_HOST=unix://...).
func engineClient() *http.Client {
	host := os.Getenv("DOCKER_HOST")
	if host == "" {
		host = "unix:///var/run/docker.sock"
	}
	if !strings.HasPrefix(host, "unix://") {
		log.Fatalf("DOCKER_HOST must be unix:// here, got %q", host)
	}
	path := strings.TrimPrefix(host, "unix://")
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "unix", path)
	}
	return &http.Client{Transport: &http.Transport{DialContext: dial}}
}

func listContainers(client *http.Client) ([]container, error) {
	res, err := client.Get("http://engine/containers/json?all=1")
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var list []container
	if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
		return nil, err
	}
	// The Engine lists newest first; a stable order by name keeps rows still between refreshes.
	sort.Slice(list, func(i, j int) bool { return list[i].name() < list[j].name() })
	return list, nil
}

type app struct {
	mu         sync.Mutex
	containers []container
	selected   int
	// listStale: the list changed since the panel's text was written (a key only moves the highlight).
	listStale bool
}

func (a *app) layout(g *gocui.Gui) error {
	maxX, maxY := g.Size()
	split := maxX / 3
	list, err := g.SetView("containers", 0, 0, split, maxY-2)
	if err != nil && err != gocui.ErrUnknownView {
		return err
	}
	if err == gocui.ErrUnknownView {
		list.Title = "Containers"
		list.Highlight = true
		list.SelFgColor = gocui.ColorDefault | gocui.AttrReverse
		list.SelBgColor = gocui.ColorDefault
		if _, err := g.SetCurrentView("containers"); err != nil {
			return err
		}
	}
	details, err := g.SetView("details", split+1, 0, maxX-1, maxY-2)
	if err != nil && err != gocui.ErrUnknownView {
		return err
	}
	details.Title = "Details"
	details.Wrap = true
	footer, err := g.SetView("footer", 0, maxY-2, maxX-1, maxY)
	if err != nil && err != gocui.ErrUnknownView {
		return err
	}
	footer.Frame = false

	a.mu.Lock()
	defer a.mu.Unlock()
	a.drawList(list)
	a.drawDetails(details)
	footer.Clear()
	fmt.Fprintf(footer, "%d containers   j/k ↑/↓: select   q: quit", len(a.containers))
	return nil
}

// drawList writes every row when the list has changed (lazydocker re-renders its list panel on a
// refresh), and moves the view's origin so that the selected row stays on screen.
func (a *app) drawList(v *gocui.View) {
	if a.listStale {
		v.Clear()
		for _, c := range a.containers {
			fmt.Fprintf(v, "%-12s %-8s %s\n", c.name(), c.State, c.Image)
		}
		a.listStale = false
	}
	_, height := v.Size()
	_, oy := v.Origin()
	if a.selected < oy {
		oy = a.selected
	} else if a.selected >= oy+height {
		oy = a.selected - height + 1
	}
	v.SetOrigin(0, oy)
	v.SetCursor(0, a.selected-oy)
}

func (a *app) drawDetails(v *gocui.View) {
	v.Clear()
	if a.selected >= len(a.containers) {
		return
	}
	c := a.containers[a.selected]
	fmt.Fprintf(v, "Name:    %s\nID:      %s\nImage:   %s\nCommand: %s\nState:   %s\nStatus:  %s\nCreated: %s\n\nLabels:\n",
		c.name(), c.ID, c.Image, c.Command, c.State, c.Status, time.Unix(c.Created, 0).Format(time.RFC3339))
	keys := make([]string, 0, len(c.Labels))
	for k := range c.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(v, "  %s=%s\n", k, c.Labels[k])
	}
}

func (a *app) move(delta int) func(*gocui.Gui, *gocui.View) error {
	return func(*gocui.Gui, *gocui.View) error {
		a.mu.Lock()
		defer a.mu.Unlock()
		next := a.selected + delta
		if next >= 0 && next < len(a.containers) {
			a.selected = next
		}
		return nil
	}
}

func (a *app) refresh(g *gocui.Gui, client *http.Client) {
	list, err := listContainers(client)
	if err != nil {
		return
	}
	g.Update(func(*gocui.Gui) error {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.containers = list
		a.listStale = true
		if a.selected >= len(list) {
			a.selected = max(0, len(list)-1)
		}
		return nil
	})
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// followEvents asks for a refresh on every Engine event, at most one a 50 ms (lazydocker's throttle).
func followEvents(client *http.Client, kick chan<- struct{}) {
	for {
		res, err := client.Get("http://engine/events")
		if err == nil {
			decoder := json.NewDecoder(res.Body)
			var event map[string]interface{}
			for decoder.Decode(&event) == nil {
				select {
				case kick <- struct{}{}:
				default:
				}
			}
			res.Body.Close()
		}
		time.Sleep(2 * time.Second)
	}
}

func main() {
	client := engineClient()
	a := &app{}
	initial, err := listContainers(client)
	if err != nil {
		log.Fatalf("cannot list containers: %v", err)
	}
	a.containers = initial
	a.listStale = true

	g, err := gocui.NewGui(gocui.OutputNormal)
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()
	g.SetManagerFunc(a.layout)
	quit := func(*gocui.Gui, *gocui.View) error { return gocui.ErrQuit }
	bindings := []struct {
		key     interface{}
		handler func(*gocui.Gui, *gocui.View) error
	}{
		{'j', a.move(1)}, {gocui.KeyArrowDown, a.move(1)},
		{'k', a.move(-1)}, {gocui.KeyArrowUp, a.move(-1)},
		{'q', quit}, {gocui.KeyCtrlC, quit},
	}
	for _, b := range bindings {
		if err := g.SetKeybinding("", b.key, gocui.ModNone, b.handler); err != nil {
			log.Fatal(err)
		}
	}

	kick := make(chan struct{}, 1)
	go followEvents(client, kick)
	go func() {
		ticker := time.NewTicker(2 * time.Second)
		for {
			select {
			case <-ticker.C:
			case <-kick:
				time.Sleep(50 * time.Millisecond)
			}
			a.refresh(g, client)
		}
	}()

	if err := g.MainLoop(); err != nil && err != gocui.ErrQuit {
		log.Fatal(err)
	}
}
