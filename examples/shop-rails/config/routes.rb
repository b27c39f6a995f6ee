Rails.application.routes.draw do
  resources :users, only: [:index, :show, :create, :update]
  resources :products, only: [:index, :show]
  resources :orders, only: [:index, :create]
  resource :newsletter_subscription, only: [:create, :destroy]
end
