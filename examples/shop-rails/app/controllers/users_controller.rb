class UsersController < ApplicationController
  def index
    users = User.order(:email).limit(50)
    render json: users, each_serializer: UserSerializer
  end

  def show
    @user = User.find(params[:id])
    respond_to do |format|
      format.html
      format.json { render json: @user, serializer: UserSerializer }
    end
  end

  def create
    user = User.create!(user_params)
    SyncCrmContactJob.perform_later(user.id)
    UserMailer.with(user: user).welcome.deliver_later
    render json: user, serializer: UserSerializer, status: :created
  end

  def update
    user = User.find(params[:id])
    user.update!(user_params)
    render json: user, serializer: UserSerializer
  end

  private

  def user_params
    params.require(:user).permit(:email, :name)
  end
end
