class Product < ApplicationRecord
  validates :sku, presence: true, uniqueness: true
  validates :price_cents, numericality: { greater_than: 0 }

  scope :in_stock, -> { where("stock > 0") }
end
