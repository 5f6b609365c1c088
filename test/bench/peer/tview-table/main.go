// A second Go peer for the bench (test/bench/go-peer.js), on rivo/tview over gdamore/tcell: the
// libraries k9s is built on. The same screen as gocui-list: a "Containers" table (name, state,
// image) from GET /containers/json?all=1, refreshed on a 2 s ticker and on Engine events, the
// selected container's details beside it, j/k and the arrow keys move the selection (tview's own
// table navigation, which scrolls), q quits. On each key tview redraws the whole screen into
// tcell's cell buffer and tcell writes the cells that changed. The selected row is in reverse
// video, as tsdtop's, so the bench can read which row is selected.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build -o DIR/tview-table test/bench/peer/tview-table
// Run: DOCKER_HOST=unix:///path/docker.sock tview-table
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
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// The Engine client is the same as gocui-list's: GOPATH mode has no module to share it from.
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

func describe(c container) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Name:    %s\nID:      %s\nImage:   %s\nCommand: %s\nState:   %s\nStatus:  %s\nCreated: %s\n\nLabels:\n",
		c.name(), c.ID, c.Image, c.Command, c.State, c.Status, time.Unix(c.Created, 0).Format(time.RFC3339))
	keys := make([]string, 0, len(c.Labels))
	for k := range c.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s=%s\n", k, c.Labels[k])
	}
	return b.String()
}

// followEvents asks for a refresh on every Engine event (the refresher throttles them).
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
	containers, err := listContainers(client)
	if err != nil {
		log.Fatalf("cannot list containers: %v", err)
	}

	app := tview.NewApplication()
	table := tview.NewTable().SetSelectable(true, false).
		SetSelectedStyle(tcell.StyleDefault.Reverse(true))
	table.SetBorder(true).SetTitle("Containers")
	details := tview.NewTextView().SetWrap(true)
	details.SetBorder(true).SetTitle("Details")
	footer := tview.NewTextView()

	// Called on the UI goroutine only (QueueUpdateDraw), so `containers` needs no lock.
	fill := func() {
		row, _ := table.GetSelection()
		table.Clear()
		for i, c := range containers {
			table.SetCell(i, 0, tview.NewTableCell(c.name()))
			table.SetCell(i, 1, tview.NewTableCell(c.State))
			table.SetCell(i, 2, tview.NewTableCell(c.Image))
		}
		if row >= len(containers) {
			row = len(containers) - 1
		}
		table.Select(row, 0)
		footer.SetText(fmt.Sprintf(" %d containers   j/k ↑/↓: select   q: quit", len(containers)))
	}
	table.SetSelectionChangedFunc(func(row, _ int) {
		if row >= 0 && row < len(containers) {
			details.SetText(describe(containers[row]))
		}
	})
	fill()
	details.SetText(describe(containers[0]))

	table.SetInputCapture(func(event *tcell.EventKey) *tcell.EventKey {
		if event.Rune() == 'q' {
			app.Stop()
			return nil
		}
		return event
	})

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
			list, err := listContainers(client)
			if err != nil {
				continue
			}
			app.QueueUpdateDraw(func() {
				containers = list
				fill()
			})
		}
	}()

	panels := tview.NewFlex().AddItem(table, 0, 1, true).AddItem(details, 0, 2, false)
	root := tview.NewFlex().SetDirection(tview.FlexRow).AddItem(panels, 0, 1, true).AddItem(footer, 1, 0, false)
	if err := app.SetRoot(root, true).Run(); err != nil {
		log.Fatal(err)
	}
}
