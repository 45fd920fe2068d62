{{ union_relations([ref('shipped_orders'), ref('other_orders')]) }}
