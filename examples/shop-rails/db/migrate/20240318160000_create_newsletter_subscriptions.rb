class CreateNewsletterSubscriptions < ActiveRecord::Migration[7.1]
  def change
    create_table :newsletter_subscriptions do |t|
      t.string :email, null: false
      t.string :source, null: false, default: "footer"
      t.datetime :confirmed_at

      t.timestamps
    end
    add_index :newsletter_subscriptions, :email, unique: true
  end
end
