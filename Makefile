# The two commands of the README.
.PHONY: serve test bench bench-pathological
serve:
	scripts/serve.sh
test:
	scripts/test.sh
bench:
	cargo run -q --release -p corocheck --example bench
bench-pathological:
	cargo run -q --release -p corocheck --example bench -- pathological
