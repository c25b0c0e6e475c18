# Linkscope: `make run` opens the app on the embedded dataset; `make test`
# runs every check CI runs. Both install missing system packages first
# (Debian/Ubuntu, with apt-get; sudo is used when not root).

GO      ?= go
BIN     ?= linkscope
VERSION ?= 0.1.0
LDFLAGS := -X main.version=$(VERSION)

# C toolchain, OpenGL and X11 headers for Fyne's GLFW driver; Xvfb, xdotool,
# x11-utils and ImageMagick for the headless GUI smoke test.
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev xvfb x11-utils xdotool imagemagick

.PHONY: all deps build run test fmt-check vet dbtest unit smoke fuzz bench clean

all: build

deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
		echo "deps: not a Debian/Ubuntu system; install a C compiler and the OpenGL/X11 headers yourself (see README)"; \
	else \
		missing=""; \
		for p in $(APT_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "deps: installing$$missing"; \
			sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
			$$sudo apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
		fi; \
	fi

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

test: deps fmt-check vet dbtest unit smoke

# The database tests against a real PostgreSQL: scripts/pgtest.sh installs
# Debian's postgresql when missing, starts a private server on a free port
# as an unprivileged user, runs them and stops it. LINKSCOPE_REQUIRE_PG
# makes them fail, not skip, if the server is missing.
DB_PACKAGES ?= ./source/postgres/... ./app/cli/...
dbtest:
	LINKSCOPE_REQUIRE_PG=1 ./scripts/pgtest.sh $(GO) test -race -count=1 $(DB_PACKAGES)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi; \
	echo "gofmt: ok"

vet:
	$(GO) vet ./...

# -timeout: the window's tests (app/gui) take 6–7 minutes under the race
# detector on two busy cores, near go test's default of 10 per package.
unit:
	$(GO) test -race -count=1 -timeout 25m ./...

smoke: build
	./scripts/smoke.sh ./$(BIN)

# Longer fuzzing than CI does: make fuzz FUZZTIME=5m
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzDecode -fuzztime=$(FUZZTIME) ./dataset/
	$(GO) test -run='^$$' -fuzz=FuzzGraphML -fuzztime=$(FUZZTIME) ./dataset/
	$(GO) test -run='^$$' -fuzz=FuzzGEXF -fuzztime=$(FUZZTIME) ./dataset/
	$(GO) test -run='^$$' -fuzz=FuzzCSV -fuzztime=$(FUZZTIME) ./dataset/
	$(GO) test -run='^$$' -fuzz=FuzzRoundTrip -fuzztime=$(FUZZTIME) ./dataset/
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZTIME) ./graph/query/
	$(GO) test -run='^$$' -fuzz=FuzzFold -fuzztime=$(FUZZTIME) ./graph/

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

clean:
	rm -f $(BIN)
