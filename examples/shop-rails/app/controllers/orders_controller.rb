class OrdersController < ApplicationController
  def index
    render json: Order.where(user_id: params[:user_id]).order(placed_at: :desc)
  end

  def create
    order = Order.create!(params.require(:order).permit(:user_id, :total_cents))
    render json: order, status: :created
  end
end
