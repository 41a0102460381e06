# The two commands of the README.
.PHONY: serve test bench
serve:
	scripts/serve.sh
test:
	scripts/test.sh
bench:
	cargo run -q --release -p corocheck --example bench
