// `opmodel build` is registered here once the playbook builder lands.
export {};
