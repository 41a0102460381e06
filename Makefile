# The two commands of the README.
.PHONY: serve test bench bench-pathological bench-web bench-browser bench-big
serve:
	scripts/serve.sh
test:
	scripts/test.sh
bench:
	cargo run -q --release -p corocheck --example bench
bench-pathological:
	cargo run -q --release -p corocheck --example bench -- pathological
bench-web:
	scripts/build-web.sh
	cd tests/e2e && node bench-first-render.mjs && NET=fast3g node bench-first-render.mjs 3
bench-browser:
	scripts/build-web.sh
	cd tests/e2e && node bench-logs.mjs 10 100
bench-big:
	scripts/build-web.sh
	cd tests/e2e && node bench-big.mjs 200
