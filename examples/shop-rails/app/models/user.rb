class User < ApplicationRecord
  has_many :orders, dependent: :restrict_with_error

  before_validation :normalize_email

  validates :email, presence: true, uniqueness: { case_sensitive: false },
                    format: { with: URI::MailTo::EMAIL_REGEXP }
  validates :name, presence: true

  scope :admins, -> { where(admin: true) }

  def self.find_by_login(login)
    find_by(email: login.to_s.strip.downcase)
  end

  private

  def normalize_email
    self.email = email.to_s.strip.downcase
  end
end
