fn main() {
    corocheck_web::run();
}
