admin = User.find_or_create_by!(email: "admin@shop.test") do |user|
  user.name = "Shop Admin"
  user.admin = true
end

%w[mug poster tote].each_with_index do |sku, i|
  Product.find_or_create_by!(sku: sku) do |product|
    product.title = sku.capitalize
    product.price_cents = 1_000 * (i + 1)
    product.stock = 25
  end
end

Order.find_or_create_by!(user: admin, total_cents: 1_000)
